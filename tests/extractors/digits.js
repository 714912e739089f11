// A cmd: extractor in JavaScript (node). String indices are UTF-16 code units, which equal
// code points for the gold texts (no characters outside the Basic Multilingual Plane).
const readline = require("readline");
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const article = JSON.parse(line);
  const pattern = /(?<![\w.,\/])\d{1,3}(?:,\d{3})+(?![\w,])/g;
  for (const match of article.text.matchAll(pattern)) {
    console.log(JSON.stringify({
      article_id: article.id, kind: "figure", start: match.index,
      end: match.index + match[0].length, text: match[0],
      value: Number(match[0].replace(/,/g, "")),
    }));
  }
});
