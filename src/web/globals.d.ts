/** The package version (vite.web.config.ts defines it). */
declare const __TSYNCIO_VERSION__: string;
