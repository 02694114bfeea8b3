import { closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { type Diagnostic, setDiagnostics } from '@codemirror/lint';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef, useState } from 'react';
import { evaluateJsonata, formatResult, type JsonataOutcome } from './jsonata-evaluate.js';
import { jsonataSupport } from './jsonata-language.js';
import { jsonataProblem } from './product-keywords.js';
import { useCodeMirror } from './use-code-mirror.js';
import './config.css';

const DEBOUNCE_MS = 150;

type Preview =
  | { state: 'idle' }
  | { state: 'empty' }
  /** Without a sample nothing is evaluated, but a syntax error (`outcome`) is still shown. */
  | { state: 'no-sample'; outcome?: JsonataOutcome }
  | { state: 'done'; outcome: JsonataOutcome };

/**
 * A JSONata expression editor with completion from the sample and a live preview of the result.
 *
 * @example
 * <JsonataEditor label="expression" value={config.expression} sample={pinned} onChange={(v) => set('/expression', v)} />
 */
export function JsonataEditor(props: {
  value: string;
  onChange: (value: string) => void;
  sample: unknown;
  label: string;
}) {
  const { value, onChange, sample, label } = props;
  const sampleRef = useRef(sample);
  sampleRef.current = sample;
  const [text, setText] = useState(value);
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });

  const { parent, view } = useCodeMirror({
    value,
    onChange: (next) => {
      setText(next);
      onChange(next);
    },
    extensions: [
      history(),
      jsonataSupport(() => sampleRef.current),
      keymap.of([...closeBracketsKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
      placeholder('JSONata expression'),
    ],
  });

  // A new value from outside (undo, raw JSON) is previewed like a typed one.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const outcome = await previewOf(text, sample);
      if (!current) return;
      setPreview(outcome);
      const editor = view.current;
      if (!editor || editor.state.doc.toString() !== text) return;
      editor.dispatch(setDiagnostics(editor.state, diagnosticsOf(outcome, text.length)));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, sample, view]);

  return (
    <div className="jsonata-editor">
      {/* The visible caption; the editor itself is named by aria-label, as a <label> cannot name it. */}
      <span className="field-label" aria-hidden="true">
        {label}
      </span>
      <div className="cm-host" ref={parent} />
      <div className="jsonata-preview" role="status" aria-label={`${label} preview`}>
        <PreviewBody preview={preview} />
      </div>
    </div>
  );
}

async function previewOf(text: string, sample: unknown): Promise<Preview> {
  if (sample === undefined) {
    if (!text.trim() || jsonataProblem(text) === undefined) return { state: 'no-sample' };
    // Parsing fails before anything is evaluated, so this only reports the syntax error.
    return { state: 'no-sample', outcome: await evaluateJsonata(text, {}) };
  }
  if (!text.trim()) return { state: 'empty' };
  return { state: 'done', outcome: await evaluateJsonata(text, sample) };
}

function diagnosticsOf(preview: Preview, length: number): Diagnostic[] {
  if (preview.state !== 'done' && preview.state !== 'no-sample') return [];
  if (!preview.outcome || preview.outcome.ok) return [];
  const { message, from, to } = preview.outcome;
  if (from === undefined || to === undefined) return [];
  return [{ from: Math.min(from, length), to: Math.min(to, length), severity: 'error', message }];
}

function PreviewBody({ preview }: { preview: Preview }) {
  switch (preview.state) {
    case 'idle':
      return <span className="muted">Evaluating…</span>;
    case 'no-sample':
      return (
        <>
          <span className="muted">Pin sample data to see a preview.</span>
          {preview.outcome && !preview.outcome.ok && (
            <div className="field-error">{preview.outcome.message}</div>
          )}
        </>
      );
    case 'empty':
      return <span className="muted">Type an expression to see its result.</span>;
    case 'done':
      return preview.outcome.ok ? (
        <pre className="jsonata-result">{formatResult(preview.outcome.value)}</pre>
      ) : (
        <span className="field-error">{preview.outcome.message}</span>
      );
  }
}
