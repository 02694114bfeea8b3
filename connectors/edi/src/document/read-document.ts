import type { EdiSegment } from '../segment.js';
import type { ElementCodec } from './element-codec.js';
import { type LoopSchema, loopKey, type SetSchema } from './set-schema.js';

/** One segment in a document: its elements by reference, `{ BEG01: '00', BEG03: 'PO-1' }`; empty ones left out. */
export type SegmentNode = Record<string, string | string[]>;

/**
 * The body of a transaction set or message (between ST and SE, or UNH and UNT) as nested data:
 * each segment tag holds the list of its occurrences, each loop (`N1_loop`, `PO1_loop`) the list
 * of its occurrences, in the order they were read. Lists are used even for a single occurrence,
 * so a map reads `BEG.BEG03` and `PO1_loop.PO1.PO102` the same way in every document.
 *
 * @example
 * // BEG*00*SA*PO-1~N1*ST*ACME~N3*1 MAIN ST~PO1*1*12*EA*9.25~
 * // { BEG: [{ BEG01: '00', BEG02: 'SA', BEG03: 'PO-1' }],
 * //   N1_loop: [{ N1: [{ N101: 'ST', N102: 'ACME' }], N3: [{ N301: '1 MAIN ST' }] }],
 * //   PO1_loop: [{ PO1: [{ PO101: '1', PO102: '12', PO103: 'EA', PO104: '9.25' }] }] }
 */
export interface DocumentNode {
  [key: string]: (SegmentNode | DocumentNode)[];
}

interface OpenLoop {
  loops: readonly LoopSchema[];
  members: ReadonlySet<string>;
  node: DocumentNode;
}

/**
 * Groups the segments of one set's body into loops by its schema. A segment that starts a loop
 * allowed at the current depth or any enclosing one opens a new occurrence there; a member of
 * the current or an enclosing loop joins it; anything else (a segment the schema does not know)
 * is kept at the top level, so nothing received is dropped.
 *
 * @example
 * const body = readDocument(segments.slice(1, -1), x12Schemas['850'], x12ElementCodec(doc.delimiters));
 * body.PO1_loop?.length; // 6 for the sample 850
 */
export function readDocument(
  segments: readonly EdiSegment[],
  schema: Pick<SetSchema, 'loops'> | undefined,
  codec: ElementCodec,
): DocumentNode {
  const root: DocumentNode = {};
  const stack: OpenLoop[] = [{ loops: schema?.loops ?? [], members: new Set(), node: root }];
  for (const segment of segments) {
    const node = segmentNode(segment, codec);
    let placed = false;
    for (let depth = stack.length - 1; depth >= 0 && !placed; depth--) {
      const frame = stack[depth];
      if (!frame) continue;
      const child = frame.loops.find((loop) => loop.start === segment.tag);
      if (child) {
        stack.length = depth + 1;
        const occurrence: DocumentNode = { [segment.tag]: [node] };
        append(frame.node, loopKey(child.start), occurrence);
        stack.push({ loops: child.loops ?? [], members: new Set(child.members), node: occurrence });
        placed = true;
      } else if (depth > 0 && frame.members.has(segment.tag)) {
        stack.length = depth + 1;
        append(frame.node, segment.tag, node);
        placed = true;
      }
    }
    if (!placed) {
      stack.length = 1;
      append(root, segment.tag, node);
    }
  }
  return root;
}

/** A segment's elements keyed `<tag><2-digit position>`, leaving out empty ones. */
export function segmentNode(segment: EdiSegment, codec: ElementCodec): SegmentNode {
  const node: SegmentNode = {};
  segment.elements.forEach((raw, index) => {
    if (raw === '') return;
    node[`${segment.tag}${String(index + 1).padStart(2, '0')}`] = codec.read(raw);
  });
  return node;
}

function append(node: DocumentNode, key: string, value: SegmentNode | DocumentNode): void {
  const list = node[key];
  if (list) list.push(value);
  else node[key] = [value];
}
