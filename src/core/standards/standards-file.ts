/**
 * Standards files: JSON or YAML, the same document either way (`version`, `standards`, `calendars`), checked by
 * standardsSetSchema; its JSON Schema is docs/standards.schema.json (test/core/standards.test.ts keeps it true).
 */
import YAML from 'yaml';
import { z } from 'zod';
import { standardsSetSchema, type StandardsSet } from './standard';

export type StandardsFormat = 'json' | 'yaml';

/** One problem with a standards document, at a path such as "standards.2.tiers.expected". */
interface StandardsIssue {
  path: string;
  message: string;
}

export type ParsedStandards = { ok: true; set: StandardsSet } | { ok: false; issues: StandardsIssue[] };

export function formatOfPath(path: string): StandardsFormat | null {
  const p = path.toLowerCase();
  return p.endsWith('.json') ? 'json' : p.endsWith('.yaml') || p.endsWith('.yml') ? 'yaml' : null;
}

function issuesOf(error: z.ZodError): StandardsIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function checkStandards(doc: unknown): ParsedStandards {
  const r = standardsSetSchema.safeParse(doc);
  return r.success ? { ok: true, set: r.data } : { ok: false, issues: issuesOf(r.error) };
}

export function parseStandards(text: string, format: StandardsFormat): ParsedStandards {
  let doc: unknown;
  try {
    doc = format === 'json' ? JSON.parse(text) : YAML.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not ${format === 'json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}` }] };
  }
  return checkStandards(doc);
}

export function serializeStandards(set: StandardsSet, format: StandardsFormat): string {
  if (format === 'json') return JSON.stringify(set, null, 2) + '\n';
  return `# Floorboard service standards (schema: docs/standards.schema.json). Shares are fractions (0.8 = 80 %),\n# times in seconds; tiers: expected (the minimum), desired (the target), delight (beyond).\n${YAML.stringify(set)}`;
}

/** The JSON Schema of a standards file (what the file must hold, as zod checks it, less the cross-field rules). */
export function standardsJsonSchema(): unknown {
  return { ...z.toJSONSchema(standardsSetSchema, { io: 'input', unrepresentable: 'any' }), title: 'Floorboard service standards' };
}
