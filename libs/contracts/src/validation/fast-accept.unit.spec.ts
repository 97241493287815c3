import { validateSync } from 'class-validator';
import { DATA_DTO_BY_TYPE, InteractionEnvelopeDto } from '../interactions/interaction.dto';
import { fastAccepts } from './fast-accept';

const envelope = {
  specversion: '1.0',
  id: 'evt-1',
  source: 'urn:regie:web',
  type: 'contact.started',
  subject: 'c-1',
  time: '2026-03-01T09:30:00Z',
  data: { channel: 'web', contactId: 'w-1' },
};
const data = {
  channel: 'web',
  contactId: 'w-1',
  topic: 'parking',
  outcome: 'resolved',
  handlingSeconds: 30,
  waitSeconds: 5,
  confidence: 0.4,
  reason: 'asked',
  score: -0.5,
  task: 'permit',
  instrument: 'csat',
  answers: { q1: 7 },
};
/** Values that break one constraint or another, and some that only look wrong. */
const oddValues: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(300),
  'x'.repeat(120),
  'x'.repeat(121),
  'x'.repeat(128),
  'x'.repeat(129),
  // Longer than 128 and 256 in UTF-16 units, within them in characters: MaxLength counts characters.
  '😀'.repeat(100),
  '😀'.repeat(129),
  'a-b_c.d:e@f/g',
  'line\nbreak',
  'ends-with-newline\n',
  '\n',
  0,
  -1,
  1.5,
  2,
  86_401,
  Number.NaN,
  {},
  [],
  { a: 'b' },
  true,
  '2026-13-01',
];

const instanceOf = (cls: new () => object, value: Record<string, unknown>) => Object.assign(Object.create(cls.prototype) as object, value);
const agrees = (cls: new () => object, value: Record<string, unknown>) => {
  const instance = instanceOf(cls, value);
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  // fastAccepts may only say yes where validateSync finds nothing, and should for every valid value.
  expect({ value, accepted: fastAccepts(cls, instance) }).toEqual({ value, accepted: errors.length === 0 });
};

describe('fastAccepts', () => {
  it('accepts exactly what validateSync accepts, for the envelope with each field varied', () => {
    agrees(InteractionEnvelopeDto, envelope);
    for (const field of Object.keys(envelope)) {
      for (const odd of oddValues) agrees(InteractionEnvelopeDto, { ...envelope, [field]: odd });
    }
  });

  it("accepts exactly what validateSync accepts, for every type's data with each field varied", () => {
    for (const dto of Object.values(DATA_DTO_BY_TYPE)) {
      agrees(dto, data);
      for (const field of Object.keys(data)) {
        agrees(dto, Object.fromEntries(Object.entries(data).filter(([key]) => key !== field)));
        for (const odd of oddValues) agrees(dto, { ...data, [field]: odd });
      }
    }
  });
});
