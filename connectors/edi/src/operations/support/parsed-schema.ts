import { Type } from '@sinclair/typebox';

/**
 * The shape of a parsed interchange as the EDI nodes pass it on (see read-interchange.ts); only
 * the members the next nodes rely on are declared, so the studio can show and check them.
 */
export const ParsedInterchangeSchema = Type.Object(
  {
    standard: Type.Union([Type.Literal('x12'), Type.Literal('edifact')]),
    fileName: Type.Optional(Type.String()),
    control: Type.String({ description: 'ISA13 or UNB 0020.' }),
    sender: Type.Object({ id: Type.String(), qualifier: Type.String() }),
    receiver: Type.Object({ id: Type.String(), qualifier: Type.String() }),
    sets: Type.Array(Type.Any(), {
      description: 'One document per transaction set or message: envelope and loop-grouped body.',
    }),
    report: Type.Any({ description: 'Envelope and segment problems per interchange, group and set.' }),
    problems: Type.Array(Type.String(), { description: 'Every problem found, as sentences.' }),
    separators: Type.Any(),
    documentId: Type.Optional(Type.String({ description: 'The stored copy of the bytes received.' })),
  },
  { additionalProperties: true },
);

/** What nodes that write EDI return. */
export const OutboundInterchangeSchema = Type.Object({
  standard: Type.Union([Type.Literal('x12'), Type.Literal('edifact')]),
  partner: Type.String(),
  fileName: Type.String(),
  content: Type.String({ description: 'The interchange text; latin1-encoded it is the exact bytes stored.' }),
  encoding: Type.Literal('latin1'),
  size: Type.Integer(),
  interchangeControl: Type.String(),
  groupControl: Type.Optional(Type.String()),
  setControls: Type.Array(Type.String()),
  documentId: Type.String(),
  ackDueAt: Type.Optional(Type.String()),
});
