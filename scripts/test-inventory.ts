/**
 * Lists every test of the suite (vitest and Playwright) with the number of `expect` calls written in its body,
 * so a change of structure can be checked to keep every test's name and no fewer expectations:
 *
 *   tsx scripts/test-inventory.ts > before.tsv          (on the old commit)
 *   tsx scripts/test-inventory.ts --compare before.tsv  (on the new one: exit 1 on a lost test or expectation)
 *
 * A test is named by its file's base name, its describe blocks and its title (a test moved to another folder
 * keeps its name); titles built from template literals keep their `${...}` text. Counted: `expect` identifiers
 * inside the test's callback, including `expect.poll`, `expect.soft` and `expect(...).rejects`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const TEST_FILE = /\.(test|spec)\.tsx?$/;
const TEST_CALLS = new Set(['it', 'test']);
const GROUP_CALLS = new Set(['describe']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path);
    return TEST_FILE.test(name) ? [path] : [];
  });
}

/** `it`, `test.skip`, `test.each(...)`, `describe.only`...: the root name of the called expression. */
function calleeRoot(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return calleeRoot(e.expression);
  if (ts.isCallExpression(e)) return calleeRoot(e.expression);
  return null;
}

function title(arg: ts.Expression | undefined, source: ts.SourceFile): string {
  if (!arg) return '?';
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  return arg.getText(source);
}

function countExpects(node: ts.Node): number {
  let n = 0;
  const visit = (x: ts.Node): void => {
    if (ts.isIdentifier(x) && x.text === 'expect') n++;
    ts.forEachChild(x, visit);
  };
  visit(node);
  return n;
}

export function inventory(): Map<string, number> {
  const out = new Map<string, number>();
  for (const path of files(join(ROOT, 'test'))) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, groups: string[]): void => {
      if (ts.isCallExpression(node)) {
        const root = calleeRoot(node.expression);
        const isModifier = ts.isPropertyAccessExpression(node.expression) && ['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'use', 'setTimeout', 'configure'].includes(node.expression.name.text);
        if (root && !isModifier && (TEST_CALLS.has(root) || GROUP_CALLS.has(root)) && node.arguments.length >= 2) {
          const name = title(node.arguments[0], source);
          const body = node.arguments[node.arguments.length - 1];
          if (GROUP_CALLS.has(root) || (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'describe')) {
            ts.forEachChild(body, (c) => visit(c, [...groups, name]));
            return;
          }
          const key = [basename(path), ...groups, name].join(' > ');
          out.set(key, (out.get(key) ?? 0) + countExpects(body));
          return;
        }
      }
      ts.forEachChild(node, (c) => visit(c, groups));
    };
    visit(source, []);
  }
  return out;
}

const args = process.argv.slice(2);
const now = inventory();
if (args[0] === '--compare') {
  const before = new Map(
    readFileSync(args[1], 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [count, name] = l.split('\t');
        return [name, Number(count)] as const;
      }),
  );
  let lost = 0;
  let fewer = 0;
  for (const [name, count] of before) {
    const c = now.get(name);
    if (c === undefined) (lost++, console.log(`MISSING\t${name}`));
    else if (c < count) (fewer++, console.log(`FEWER\t${count} -> ${c}\t${name}`));
  }
  const added = [...now.keys()].filter((k) => !before.has(k)).length;
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`tests before ${before.size}, after ${now.size} (${added} new); expect calls before ${sum(before)}, after ${sum(now)}; missing ${lost}, fewer ${fewer}`);
  process.exit(lost + fewer > 0 ? 1 : 0);
} else {
  for (const [name, count] of [...now].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`${count}\t${name}`);
}
