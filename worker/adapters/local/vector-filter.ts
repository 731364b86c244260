import type { VectorFilter, VectorMetadata, VectorMetadataValue } from '../../ports/vector-index';

export type MetadataPredicate = (metadata: VectorMetadata | undefined) => boolean;

type Test = (value: VectorMetadataValue | undefined) => boolean;

/** Ranges compare like with like only (numbers with numbers, strings by code unit), as Vectorize does. */
function comparable(value: VectorMetadataValue | undefined, operand: VectorMetadataValue): boolean {
  return value !== undefined && typeof value === typeof operand && typeof value !== 'boolean';
}

function operatorTest(operator: string, operand: unknown): Test {
  switch (operator) {
    case '$eq':
      return operand === null ? (value) => value === undefined : (value) => value === operand;
    case '$ne':
      // A missing field is "not equal" (and `$ne: null` means "present").
      return operand === null ? (value) => value !== undefined : (value) => value !== operand;
    case '$in': {
      const set = new Set(operand as VectorMetadataValue[]);
      return (value) => value !== undefined && set.has(value);
    }
    case '$nin': {
      const set = new Set(operand as VectorMetadataValue[]);
      return (value) => value === undefined || !set.has(value);
    }
    case '$lt':
      return (value) => comparable(value, operand as VectorMetadataValue) && (value as never) < (operand as never);
    case '$lte':
      return (value) => comparable(value, operand as VectorMetadataValue) && (value as never) <= (operand as never);
    case '$gt':
      return (value) => comparable(value, operand as VectorMetadataValue) && (value as never) > (operand as never);
    case '$gte':
      return (value) => comparable(value, operand as VectorMetadataValue) && (value as never) >= (operand as never);
    default:
      // checkFilter has rejected unknown operators already.
      return () => false;
  }
}

/**
 * Compiles a (validated) filter once per query into one predicate, so 10,000 vectors are tested without
 * re-reading the filter object each time. Conditions on several fields, and several operators on one
 * field, are ANDed.
 */
export function compileFilter(filter: VectorFilter | undefined): MetadataPredicate {
  if (!filter) return () => true;
  const tests: { field: string; test: Test }[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (condition === null || typeof condition !== 'object') {
      tests.push({ field, test: operatorTest('$eq', condition) });
      continue;
    }
    for (const [operator, operand] of Object.entries(condition)) {
      tests.push({ field, test: operatorTest(operator, operand) });
    }
  }
  return (metadata) => {
    for (const { field, test } of tests) {
      if (!test(metadata?.[field])) return false;
    }
    return true;
  };
}
