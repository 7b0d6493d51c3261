// Which CLI bundle matches the compiled files in dist/. `tsc` emits this file with `null`;
// scripts/bundle-cli.mjs then rewrites dist/cli/bundle-stamp.js with the id it wrote on the
// bundle's first line. bin/load-cli.js runs the bundle only while the two ids agree, so a later
// `tsc` alone (which re-emits this file) is never shadowed by a stale bundle, and a copy or an
// install (which changes every mtime) still uses the bundle and its code cache.
export const BUNDLE_ID: string | null = null;
