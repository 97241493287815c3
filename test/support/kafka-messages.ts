/** An interaction as a channel platform produces it to Kafka in binary mode (`ce_` headers). */
export const binaryInteraction = (options: {
  readonly id: string;
  readonly source: string;
  readonly customer: string;
  readonly type: string;
  readonly time: string;
  readonly data: Record<string, unknown>;
}) => ({
  key: options.customer,
  value: JSON.stringify(options.data),
  headers: {
    'content-type': 'application/json',
    ce_specversion: '1.0',
    ce_id: options.id,
    ce_source: options.source,
    ce_type: options.type,
    ce_subject: options.customer,
    ce_time: options.time,
  },
});
