// No user-facing literal in a converted component: its words come from the catalogue
// (lib/i18n/messages). The TypeScript compiler reads each .tsx file under CONVERTED and reports,
// as file:line, JSX text containing a letter and string literals rendered as children or given
// to a user-facing prop (aria-label, title, placeholder, alt, label…), outside ALLOWED.
// A directory or file joins CONVERTED once its strings are in the catalogue.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Files and directories (every .tsx below) whose interface strings are in the catalogue. */
export const CONVERTED: string[] = ['app', 'components'];

/** The same in every language: the brand (its logo is « Fact<span>Desk</span> »). */
export const ALLOWED = new Set(['FactDesk', 'Fact', 'Desk']);
/** A web address given as an example (`https://…`) reads the same in every language. */
const ADDRESS = /^https?:\/\//;

/** Props people read or hear: these, and any `…Label`, `…Message` or `…Title`. */
export const USER_FACING_PROPS = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'caption',
  'description',
  'hint',
  'label',
  'placeholder',
  'title',
]);
const USER_FACING_SUFFIX = /(Label|Message|Title)$/;

export interface Finding {
  line: number;
  text: string;
}

const LETTER = /\p{L}/u;
const isWording = (text: string) =>
  LETTER.test(text) && !ALLOWED.has(text.trim()) && !ADDRESS.test(text.trim());
const isUserFacingProp = (name: string) =>
  USER_FACING_PROPS.has(name) || USER_FACING_SUFFIX.test(name);

/** The text of a literal, when the expression is one (plain string or template). */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
  }
  return null;
}

/**
 * The literals an expression renders as it is: itself, or the branches of `a ? 'x' : 'y'`,
 * `a && 'x'`, `a ?? 'x'` (not the arguments of calls such as t('key'), nor keys or classes).
 */
function renderedLiterals(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return renderedLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...renderedLiterals(node.whenTrue), ...renderedLiterals(node.whenFalse)];
  }
  if (
    ts.isBinaryExpression(node) &&
    [
      ts.SyntaxKind.AmpersandAmpersandToken,
      ts.SyntaxKind.BarBarToken,
      ts.SyntaxKind.QuestionQuestionToken,
    ].includes(node.operatorToken.kind)
  ) {
    return [...renderedLiterals(node.left), ...renderedLiterals(node.right)];
  }
  return literalText(node) === null ? [] : [node];
}

/** The user-facing literals of one .tsx source, with their lines. */
export function findLiterals(source: string, fileName = 'component.tsx'): Finding[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text: text.replace(/\s+/g, ' ').trim() });
  };
  const reportRendered = (expression: ts.Expression | undefined) => {
    if (!expression) return;
    for (const literal of renderedLiterals(expression)) {
      const text = literalText(literal)!;
      if (isWording(text)) report(literal, text);
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (isWording(node.text)) report(node, node.text);
    } else if (
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      reportRendered(node.expression);
    } else if (ts.isJsxAttribute(node) && isUserFacingProp(node.name.getText(file))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value)) {
        if (isWording(value.text)) report(value, value.text);
      } else if (value && ts.isJsxExpression(value)) {
        reportRendered(value.expression);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

function tsxFilesUnder(relative: string): string[] {
  const full = path.join(process.cwd(), relative);
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => {
      const child = path.join(relative, name);
      if (statSync(path.join(process.cwd(), child)).isDirectory()) return tsxFilesUnder(child);
      return name.endsWith('.tsx') ? [child] : [];
    });
}

describe('user-facing literals', () => {
  it('none in the converted components (file:line: text)', () => {
    const findings = CONVERTED.flatMap(tsxFilesUnder).flatMap((file) =>
      findLiterals(readFileSync(path.join(process.cwd(), file), 'utf8'), file).map(
        (finding) => `${file}:${finding.line}: ${finding.text}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('finds JSX text, rendered literals and user-facing props; not keys, classes or the brand', () => {
    const source = [
      'export function Sample({ on, n }: { on: boolean; n: number }) {',
      '  return (',
      '    <div className="text-sm" data-testid="sample-box">',
      '      Bonjour',
      '      <Field label="Nom" hint={t(\'hint\')} />',
      "      <button aria-label={on ? 'Fermer' : t('open')} title={'Titre'} />",
      '      {on ? `${n} phrases` : null}',
      "      {on && 'Hors ligne'}",
      "      {t('greeting', { name: 'Ana' })} {' '} · ×2",
      '      <b>Fact<span>Desk</span></b>',
      '      <input placeholder="https://…" aria-label="Adresse" />',
      '      <ConfirmDialog confirmLabel="Supprimer" onConfirm={() => go(\'now\')} />',
      '    </div>',
      '  );',
      '}',
    ].join('\n');
    expect(findLiterals(source)).toEqual([
      { line: 4, text: 'Bonjour' },
      { line: 5, text: 'Nom' },
      { line: 6, text: 'Fermer' },
      { line: 6, text: 'Titre' },
      { line: 7, text: 'phrases' },
      { line: 8, text: 'Hors ligne' },
      { line: 11, text: 'Adresse' },
      { line: 12, text: 'Supprimer' },
    ]);
  });
});
