// The documentation page: the repository's README, shipped with the site (its Markdown shown as
// text, with headings and code blocks set apart, and links made clickable).

import readme from "../../README.md?raw";

document.getElementById("version")!.textContent = `v${__TSYNCIO_VERSION__}`;
const root = document.getElementById("readme")!;

let code: HTMLElement | null = null;
let para: HTMLElement | null = null;
for (const line of readme.split("\n")) {
  if (line.startsWith("```")) {
    if (code) code = null;
    else {
      code = document.createElement("pre");
      root.append(code);
    }
    para = null;
    continue;
  }
  if (code) {
    code.append(line + "\n");
    continue;
  }
  if (line.startsWith("<!--")) continue;
  const heading = /^(#{1,4})\s+(.*)$/.exec(line);
  if (heading) {
    const h = document.createElement(`h${heading[1]!.length}`);
    h.textContent = heading[2]!;
    h.id = heading[2]!.toLowerCase().replace(/[^\w]+/g, "-");
    root.append(h);
    para = null;
  } else if (!line.trim()) {
    para = null;
  } else {
    if (!para) {
      para = document.createElement("p");
      root.append(para);
    } else para.append("\n");
    addInline(para, line);
  }
}

/** Text with its `[label](url)` links as links (relative links point into the README's repository, so they stay text). */
function addInline(el: HTMLElement, text: string): void {
  const link = /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let at = 0;
  for (let m = link.exec(text); m; m = link.exec(text)) {
    el.append(text.slice(at, m.index));
    const a = document.createElement("a");
    a.href = m[2]!;
    a.textContent = m[1]!;
    a.rel = "noopener";
    el.append(a);
    at = m.index + m[0].length;
  }
  el.append(text.slice(at));
}
