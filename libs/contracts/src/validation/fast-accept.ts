import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';

type Accepts = (instance: object) => boolean;

interface PropertyCheck {
  readonly property: string;
  /** IsOptional and the like: the property is validated only when all of them hold. */
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  readonly validators: readonly {
    readonly constraints: unknown[];
    readonly validate: (value: unknown, args: ValidationArguments) => unknown;
  }[];
}

const compiled = new Map<new () => object, Accepts | null>();

/**
 * class-validator's own constraints of a DTO, run without its executor (which builds an error
 * object per property and looks the metadata up on every call): true only when every constraint
 * holds, which is exactly when validateSync reports nothing. Any failure, and any DTO using what
 * this does not cover (nested, async, groups, `each`, `validateIf`), goes to validateSync, so the
 * errors a client sees are always class-validator's. Undefined when the DTO is not covered.
 */
const compile = (cls: new () => object): Accepts | null => {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false);
  if (metadatas.length === 0) return null;
  const checks: PropertyCheck[] = [];
  for (const [property, metas] of Object.entries(storage.groupByPropertyName(metadatas))) {
    const conditions: PropertyCheck['conditions'][number][] = [];
    const validators: PropertyCheck['validators'][number][] = [];
    for (const meta of metas) {
      if (meta.each || meta.validateIf || (meta.groups?.length ?? 0) > 0 || meta.always) return null;
      if (meta.type === ValidationTypes.WHITELIST) continue;
      if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        conditions.push(meta.constraints[0] as (object: object, value: unknown) => boolean);
        continue;
      }
      if (meta.type !== ValidationTypes.CUSTOM_VALIDATION || !meta.constraintCls) return null;
      for (const constraint of storage.getTargetValidatorConstraints(meta.constraintCls)) {
        if (constraint.async) return null;
        const instance = constraint.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
        validators.push({ constraints: meta.constraints, validate: (value, args) => instance.validate(value, args) });
      }
    }
    checks.push({ property, conditions, validators });
  }
  // One arguments object per validator, filled in per call: validators read it and keep nothing of it, and
  // making one per field of every event was a good share of validation's garbage.
  const plan = checks.map(({ property, conditions, validators }) => ({
    property,
    conditions,
    validators: validators.map(({ constraints, validate }) => {
      const args: ValidationArguments = { targetName: cls.name, property, object: {}, value: undefined, constraints };
      return { validate, args };
    }),
  }));
  return (instance) => {
    for (const { property, conditions, validators } of plan) {
      const value = (instance as Record<string, unknown>)[property];
      let applies = true;
      for (const condition of conditions) if (!condition(instance, value)) applies = false;
      if (!applies) continue;
      for (const { validate, args } of validators) {
        args.object = instance;
        args.value = value;
        if (validate(value, args) !== true) return false;
      }
    }
    return true;
  };
};

/** True when validateSync(instance) of this DTO would report no error; false when it might (then ask it). */
export const fastAccepts = (cls: new () => object, instance: object): boolean => {
  let accepts = compiled.get(cls);
  if (accepts === undefined) {
    accepts = compile(cls);
    compiled.set(cls, accepts);
  }
  return accepts !== null && accepts(instance);
};
