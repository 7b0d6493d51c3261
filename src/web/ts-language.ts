// TypeScript highlighting for the output editor: a chunk of its own, loaded after the page is up.
export { javascript } from "@codemirror/lang-javascript";
