import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
  closeBrackets,
} from '@codemirror/autocomplete';
import { StreamLanguage, syntaxTree } from '@codemirror/language';
import type { Extension, Range } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { JSONATA_FUNCTIONS, jsonataStreamParser } from './jsonata-tokenizer.js';
import { keysAt, pathName, typedPath } from './sample-paths.js';

export const jsonataLanguage = StreamLanguage.define(jsonataStreamParser);

const marks = new Map<string, Decoration>();
const markFor = (name: string) => {
  let mark = marks.get(name);
  if (!mark) {
    mark = Decoration.mark({ class: `cmj-${name.replaceAll('.', '-')}` });
    marks.set(name, mark);
  }
  return mark;
};

function tokenDecorations(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  const tree = syntaxTree(view.state);
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter: (node) => {
        if (node.type.isTop) return;
        ranges.push(markFor(node.name).range(node.from, node.to));
      },
    });
  }
  return Decoration.set(ranges, true);
}

/**
 * Colours the tokens of the JSONata stream language by class (`cmj-string`, `cmj-number`, …,
 * styled in config.css). The usual HighlightStyle needs @lezer/highlight's tag objects, which the
 * studio does not depend on; the stream language names its nodes after the token types instead.
 */
const tokenClasses = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = tokenDecorations(view);
    }
    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.viewportChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = tokenDecorations(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

const FUNCTION_OPTIONS = JSONATA_FUNCTIONS.map((name) => ({
  label: `$${name}`,
  type: 'function',
  apply: `$${name}(`,
}));

/**
 * Completes `$` with the built-in functions and the variables the expression binds, and field
 * paths with the keys the pinned sample has at that path.
 */
function completeJsonata(sample: () => unknown) {
  return (context: CompletionContext): CompletionResult | null => {
    const dollar = context.matchBefore(/\$\$?[\p{L}\p{N}_]*/u);
    const text = context.state.doc.toString();
    if (dollar) {
      const bound = new Set<string>();
      for (const match of text.matchAll(/\$([\p{L}_][\p{L}\p{N}_]*)\s*:=/gu)) bound.add(match[1] ?? '');
      const variables = [...bound].map((name) => ({ label: `$${name}`, type: 'variable' }));
      return {
        from: dollar.from,
        options: [...variables, ...FUNCTION_OPTIONS],
        validFor: /^\$\$?[\p{L}\p{N}_]*$/u,
      };
    }
    const path = typedPath(text, context.pos);
    if (!path) return null;
    // At the top level, wait for a letter (or Ctrl-Space) rather than popping up at every space.
    if (
      path.segments.length === 0 &&
      path.prefix === '' &&
      !context.explicit &&
      text.charAt(context.pos - 1) !== '.'
    ) {
      return null;
    }
    const keys = keysAt(sample(), path.segments);
    if (keys.length === 0) return null;
    return {
      from: path.from,
      options: keys.map((k) => ({ label: pathName(k.key), detail: k.type, type: 'property' })),
      validFor: /^[\p{L}\p{N}_]*$/u,
    };
  };
}

/**
 * The JSONata language, its token colours, bracket closing and completion from the sample.
 *
 * @example
 * new EditorView({ extensions: [jsonataSupport(() => pinnedSample)] });
 */
export function jsonataSupport(sample: () => unknown): Extension[] {
  return [
    jsonataLanguage,
    tokenClasses,
    closeBrackets(),
    autocompletion({ override: [completeJsonata(sample)], icons: false }),
  ];
}
