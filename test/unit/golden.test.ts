// Detection output is pinned byte for byte on text in the repository (see golden.ts): a speed
// change must leave every digest alone; an intended recogniser change regenerates the file with
// `npm run golden` and shows the reviewer which documents moved.
import * as assert from 'assert';
import * as fs from 'fs';
import { GOLDEN_FILE, goldenDocs, goldenLine } from './golden';
import { detect } from '../../src/core/detect';

describe('detect(): golden output', function () {
  this.timeout(180000);

  it('is byte for byte what the golden file holds, document by document', () => {
    const expected = fs.readFileSync(GOLDEN_FILE, 'utf8').split('\n').filter(Boolean);
    const docs = goldenDocs();
    assert.strictEqual(docs.length, expected.length, 'the golden documents changed: run npm run golden and review');
    const moved: string[] = [];
    docs.forEach((d, i) => {
      const line = goldenLine(d, detect(d.text));
      if (line !== expected[i]) moved.push(`- ${expected[i]}\n+ ${line}`);
    });
    assert.deepStrictEqual(moved, [], `${moved.length} of ${docs.length} documents changed output:\n${moved.slice(0, 5).join('\n')}`);
  });

  it('covers many documents, a large one-line one among them, with many findings', () => {
    const docs = goldenDocs();
    assert.ok(docs.length > 100, `${docs.length} documents`);
    const oneLine = docs.find((d) => d.id.endsWith('#one-line'))!;
    assert.ok(oneLine.text.length > 400000 && !oneLine.text.includes('\n'));
  });
});
