/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a markdown file. */
export function replaceGeneratedBlock(markdown: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no "${start}" … "${end}" block found`);
  return `${markdown.slice(0, from + start.length)}\n${content}${markdown.slice(to)}`;
}
