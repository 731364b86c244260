import {
  type VectorFilter,
  VectorIndexError,
  type VectorMetadataValue,
  type VectorQueryOptions,
  type VectorRecord,
  vectorLimits,
} from '../ports/vector-index';

/**
 * Vectorize's rules, checked before a call leaves the worker. The local adapter needs them to behave like
 * Vectorize; the Cloudflare adapter uses them so that misuse fails fast, with the same message, in both.
 */

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

const COMPARISON = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte']);
const COLLECTION = new Set(['$in', '$nin']);

function isScalar(value: unknown): value is VectorMetadataValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

export function checkValues(values: ArrayLike<number>, dimensions: number | undefined, what: string): void {
  if (values.length === 0) throw new VectorIndexError(`${what} has no values.`);
  if (values.length > vectorLimits.maxDimensions) {
    throw new VectorIndexError(`${what} has ${values.length} dimensions; Vectorize allows at most 1,536.`);
  }
  if (dimensions !== undefined && values.length !== dimensions) {
    throw new VectorIndexError(
      `${what} has ${values.length} dimensions but the index has ${dimensions}. ` +
        'Use the embedding model the index was built with, or rebuild the index.',
    );
  }
  for (let index = 0; index < values.length; index++) {
    if (!Number.isFinite(values[index])) throw new VectorIndexError(`${what} has a non-finite value at ${index}.`);
  }
}

export function checkUpsert(vectors: VectorRecord[], dimensions: number | undefined): void {
  if (vectors.length === 0) throw new VectorIndexError('upsert needs at least one vector.');
  if (vectors.length > vectorLimits.maxBatch) {
    throw new VectorIndexError(`upsert takes at most 1,000 vectors per call (got ${vectors.length}); send batches.`);
  }
  const first = vectors[0]?.values.length;
  const seen = new Set<string>();
  for (const vector of vectors) {
    checkId(vector.id);
    if (seen.has(vector.id)) throw new VectorIndexError(`Vector id "${vector.id}" appears twice in one upsert.`);
    seen.add(vector.id);
    checkValues(vector.values, dimensions ?? first, `Vector "${vector.id}"`);
    if (vector.namespace !== undefined) checkNamespace(vector.namespace);
    if (vector.metadata !== undefined) {
      for (const [key, value] of Object.entries(vector.metadata)) {
        if (!isScalar(value))
          throw new VectorIndexError(`Metadata "${key}" of "${vector.id}" must be a string, number or boolean.`);
      }
      if (byteLength(JSON.stringify(vector.metadata)) > vectorLimits.maxMetadataBytes) {
        throw new VectorIndexError(`Metadata of "${vector.id}" is larger than 10 KiB.`);
      }
    }
  }
}

export function checkId(id: string): void {
  if (typeof id !== 'string' || id.length === 0) throw new VectorIndexError('Vector ids must be non-empty strings.');
  if (byteLength(id) > vectorLimits.maxIdBytes)
    throw new VectorIndexError(`Vector id "${id}" is longer than 64 bytes.`);
}

export function checkIds(ids: string[], max: number, operation: string): void {
  if (ids.length > max)
    throw new VectorIndexError(`${operation} takes at most ${max} ids per call (got ${ids.length}).`);
  for (const id of ids) checkId(id);
}

function checkNamespace(namespace: string): void {
  if (namespace.length === 0 || byteLength(namespace) > vectorLimits.maxNamespaceBytes) {
    throw new VectorIndexError('A namespace must be 1–64 bytes.');
  }
}

/** The topK actually used; throws past Vectorize's ceilings. */
export function checkQuery(options: VectorQueryOptions, indexedFields: readonly string[]): number {
  const topK = options.topK ?? 5;
  const heavy = options.returnValues === true || options.returnMetadata === 'all';
  const max = heavy ? vectorLimits.maxTopKWithValuesOrMetadata : vectorLimits.maxTopK;
  if (!Number.isInteger(topK) || topK < 1 || topK > max) {
    throw new VectorIndexError(
      `topK must be an integer from 1 to ${max}${heavy ? ' when values or all metadata are returned' : ''} (got ${topK}).`,
    );
  }
  if (options.namespace !== undefined) checkNamespace(options.namespace);
  if (options.filter !== undefined) checkFilter(options.filter, indexedFields);
  return topK;
}

export function checkFilter(filter: VectorFilter, indexedFields: readonly string[]): void {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
    throw new VectorIndexError('A filter must be an object of field conditions.');
  }
  if (byteLength(JSON.stringify(filter)) >= vectorLimits.maxFilterBytes) {
    throw new VectorIndexError('A filter must be smaller than 2,048 bytes of JSON.');
  }
  for (const [field, condition] of Object.entries(filter)) {
    if (field.length === 0 || field.startsWith('$')) {
      throw new VectorIndexError(`"${field}" is not a field name; Vectorize has no top-level operators (no $or).`);
    }
    if (!indexedFields.includes(field)) {
      // Vectorize silently matches nothing on fields without a metadata index; fail loudly instead.
      throw new VectorIndexError(
        `Cannot filter on "${field}": it has no metadata index (indexed: ${indexedFields.join(', ') || 'none'}).`,
      );
    }
    if (condition === null || isScalar(condition)) continue;
    if (typeof condition !== 'object' || Array.isArray(condition)) {
      throw new VectorIndexError(`The condition on "${field}" must be a value or an operator object.`);
    }
    const entries = Object.entries(condition);
    if (entries.length === 0) throw new VectorIndexError(`The condition on "${field}" has no operator.`);
    for (const [operator, operand] of entries) {
      if (COMPARISON.has(operator)) {
        if (operand !== null && !isScalar(operand)) {
          throw new VectorIndexError(`${operator} on "${field}" needs a string, number, boolean or null.`);
        }
      } else if (COLLECTION.has(operator)) {
        if (!Array.isArray(operand) || operand.length === 0 || !operand.every(isScalar)) {
          throw new VectorIndexError(`${operator} on "${field}" needs a non-empty array of values.`);
        }
      } else {
        throw new VectorIndexError(`Unknown filter operator ${operator} on "${field}".`);
      }
    }
  }
}
