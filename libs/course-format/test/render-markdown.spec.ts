import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from '@jest/globals';
import { checkLessonMarkdown, renderLessonMarkdown } from '../src/index';

/** Markup that could run script: a script/iframe/style element, an on* attribute, a javascript: or data: URL. */
function assertInert(html: string) {
  assert.doesNotMatch(html, /<(script|iframe|style|object|embed|svg)\b/i);
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i);
  assert.doesNotMatch(html, /<[^>]*\s(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i);
  assert.doesNotMatch(html, /<[^>]*\sstyle\s*=/i);
}

describe('renderLessonMarkdown', () => {
  it('leaves nothing that can run script', () => {
    const html = renderLessonMarkdown(
      [
        '# Title <script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<iframe src="https://evil.example"></iframe>',
        '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](&#106;avascript:alert(1)) <javascript:alert(1)>',
        '[d](data:text/html,<script>alert(1)</script>) [e](vbscript:x) ![f](javascript:alert(1)) ![g](data:image/png;base64,AAAA)',
        '<a href="javascript:alert(1)" style="color:red" onclick="x()">h</a>',
      ].join('\n\n'),
    );
    assertInert(html);
    assert.match(html, /<h1>Title /);
  });

  it('drops protocol-relative and plain-http picture URLs, marks external links', () => {
    const html = renderLessonMarkdown('[ext](https://example.org) [mail](mailto:a@example.org) [rel](//evil.example) ![p](http://example.org/p.png)');
    assert.match(html, /<a href="https:\/\/example.org" rel="noopener noreferrer" target="_blank">ext<\/a>/);
    assert.match(html, /<a href="mailto:a@example.org">mail<\/a>/);
    assert.doesNotMatch(html, /evil\.example"/);
    assert.doesNotMatch(html, /src="http:/);
  });

  it('rewrites lesson links and picture paths', () => {
    const html = renderLessonMarkdown(
      'See [the pathway](m2-pathway.md), [its steps](./m2-pathway.md#steps) and [a draft](m9-draft.md).\n\n![Diagram](../images/flow.png) ![Lost](../images/lost.png)',
      {
        lessonHref: (file) => (file === 'm2-pathway.md' ? '/learn/referral-basics/lessons/42' : undefined),
        imageSrc: (p) => (p === 'images/flow.png' ? '/api/courses/referral-basics/images/flow.png' : undefined),
      },
    );
    assert.match(html, /<a href="\/learn\/referral-basics\/lessons\/42">the pathway<\/a>/);
    assert.match(html, /<a href="\/learn\/referral-basics\/lessons\/42#steps">its steps<\/a>/);
    assert.match(html, /<a>a draft<\/a>/, 'an unknown lesson keeps its text but loses the link');
    assert.match(html, /<img src="\/api\/courses\/referral-basics\/images\/flow.png" alt="Diagram" \/>/);
    assert.doesNotMatch(html, /lost\.png/);
    assert.match(html, /Lost/, 'an unknown picture shows its description');
  });

  it('keeps lesson links as written without lessonHref', () => {
    assert.match(renderLessonMarkdown('[next](m2.md)'), /<a href="m2.md">next<\/a>/);
  });

  it('keeps tables, lists, quotes, code and emphasis', () => {
    const html = renderLessonMarkdown(
      '## Steps\n\n| Step | What |\n|:-----|-----:|\n| 1 | *Explain* |\n\n1. **One**\n2. ~~Two~~\n\n> Case: Ana.\n\n```js\nlet x = 1;\n```',
    );
    for (const tag of ['<h2>', '<table>', '<thead>', '<tbody>', '<th>Step</th>', '<td><em>Explain</em></td>', '<ol>', '<strong>One</strong>', '<s>Two</s>', '<blockquote>', '<pre><code class="language-js">'])
      assert.ok(html.includes(tag), `${tag} in ${html}`);
    assertInert(html);
  });

  it('does not use Node built-ins (it also runs in the browser)', () => {
    for (const file of ['render-markdown.ts', 'links.ts', 'check-markdown.ts', 'validate-document.ts', 'rules.ts', 'browser.ts']) {
      const source = fs.readFileSync(path.join(__dirname, '..', 'src', file), 'utf8');
      assert.doesNotMatch(source, /from ['"](node:|fs|path|os|url)['"/]/, file);
    }
  });
});

describe('checkLessonMarkdown', () => {
  it('reports the line of each problem, inside paragraphs, lists and tables', () => {
    const problems = checkLessonMarkdown(
      ['Intro line', 'second line with [a bad link](m9.md)', '', '- item', '  more ![](../images/x.png)', '', '| a | b |', '|---|---|', '| [c](other.md) | d |', '', '<div>x</div>'].join('\n'),
      { lessonKeys: new Set(['other']), imageExists: () => true },
    );
    assert.deepEqual(
      problems.map((p) => `${p.line}: ${p.message}`),
      [
        '2: broken link to "m9.md": the course has no lesson "m9"',
        '5: picture "../images/x.png" needs a description: ![what it shows](../images/x.png)',
        '11: raw HTML is not allowed in a lesson: write it in Markdown',
      ],
    );
  });
});

describe('video by link', () => {
  it('turns a lone link to a video file into a player that loads nothing until pressed', () => {
    const html = renderLessonMarkdown('Watch:\n\nhttps://cdn.example.org/intro.mp4\n\nThen read on.');
    assert.match(html, /<video controls preload="none" src="https:\/\/cdn\.example\.org\/intro\.mp4"><a href="https:\/\/cdn\.example\.org\/intro\.mp4"[^>]*>https:\/\/cdn\.example\.org\/intro\.mp4<\/a><\/video>/);
    assert.match(html, /<p>Then read on\.<\/p>/);
  });

  it('marks a lone link to a video site, and never embeds another site', () => {
    const html = renderLessonMarkdown('[Video: first contact](https://www.youtube.com/watch?v=abc)');
    assert.match(html, /<a href="https:\/\/www\.youtube\.com\/watch\?v=abc" class="video-link" rel="noopener noreferrer" target="_blank">Video: first contact<\/a>/);
    assert.doesNotMatch(renderLessonMarkdown('<iframe src="https://evil.example"></iframe>'), /<iframe/);
  });

  it('leaves a video link inside a sentence as a plain link, and refuses non-https video files', () => {
    assert.doesNotMatch(renderLessonMarkdown('See https://cdn.example.org/a.mp4 for more.'), /<video/);
    assert.doesNotMatch(renderLessonMarkdown('http://cdn.example.org/a.mp4'), /<video/);
  });
});
