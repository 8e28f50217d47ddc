#!/usr/bin/env node
// Files over 500 lines and functions over 80 lines (issue #19), measured with the TypeScript API:
// every function-like node with a body, from its first to its last line. One that must stay long
// says why in a comment at its top containing "long because"; it is listed but does not fail.
// Usage: node scripts/sizes.js [folder or file…] (default: src). Exit 1 when something is over
// without a reason.
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const FILE_LIMIT = 500;
const FUNCTION_LIMIT = 80;
const REASON = /long because/i;

function files(p) {
  const st = fs.statSync(p);
  if (st.isFile()) return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  return fs.readdirSync(p).flatMap((n) => (n === 'node_modules' ? [] : files(path.join(p, n))));
}

const over = [];
for (const file of (process.argv.slice(2).length ? process.argv.slice(2) : ['src']).flatMap(files)) {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  // Lines as an editor numbers them: a final line break ends the last line, it does not start one.
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > FILE_LIMIT) over.push({ size: lines, where: file, what: 'file', excused: REASON.test(text.slice(0, 2000)) });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const size = sf.getLineAndCharacterOfPosition(node.end).line - first + 1;
      if (size > FUNCTION_LIMIT) {
        const name = node.name ? node.name.getText(sf) : '(anonymous)';
        const head = text.slice(node.getFullStart(), node.body.getStart(sf) + 400);
        over.push({ size, where: `${file}:${first + 1}`, what: name, excused: REASON.test(head) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
over.sort((a, b) => b.size - a.size);
for (const o of over) console.log(`${String(o.size).padStart(5)}  ${o.where}  ${o.what}${o.excused ? '  (reason given)' : ''}`);
const failing = over.filter((o) => !o.excused).length;
console.log(`${over.length} over the limits (files ${FILE_LIMIT} lines, functions ${FUNCTION_LIMIT}); ${failing} without a reason`);
process.exit(failing > 0 ? 1 : 0);
