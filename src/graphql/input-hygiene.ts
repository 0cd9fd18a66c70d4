import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNullableType,
  GraphQLArgument,
  GraphQLFieldResolver,
  GraphQLInputType,
  GraphQLSchema,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

import { RequestException } from '@app/kernel/domain.exception';

import { BoundedDateTime } from './date-time.scalar';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Marks a nullable value that means "not given" (explicit null, or a blank string): dropped from the arguments. */
const OMIT = Symbol('omit');

interface Problem {
  /** The field as the schema names it (`items.name`), for clients to attach the error to. */
  field: string;
  /** Where exactly (`items[2].name`), for the message. */
  at: string;
  message: string;
}

/** `input.title` is reported as `title`, as the validation pipe names fields inside the one input object. */
const located = (path: string): string => path.replace(/^input\./, '');
const problem = (path: string, message: string): Problem => ({
  field: located(path).replace(/\[\d+\]/g, ''),
  at: located(path),
  message,
});

function cleanValue(type: GraphQLInputType, value: unknown, path: string, problems: Problem[]): unknown {
  const required = isNonNullType(type);
  if (value === null || value === undefined) {
    if (required) problems.push(problem(path, 'must be given'));
    return OMIT;
  }
  const inner = getNullableType(type);

  if (isListType(inner)) {
    if (!Array.isArray(value)) return value;
    return value.map((item, index) => {
      const cleaned = cleanValue(inner.ofType as GraphQLInputType, item, `${path}[${index}]`, problems);
      return cleaned === OMIT ? null : cleaned;
    });
  }

  if (isInputObjectType(inner)) {
    const fields = inner.getFields();
    const cleaned: Record<string, unknown> = {};
    for (const [name, given] of Object.entries(value as Record<string, unknown>)) {
      const definition = fields[name];
      if (!definition) {
        cleaned[name] = given;
        continue;
      }
      const result = cleanValue(definition.type, given, `${path}.${name}`, problems);
      if (result !== OMIT) cleaned[name] = result;
    }
    return cleaned;
  }

  if (isScalarType(inner) && typeof value === 'string' && (inner.name === 'String' || inner.name === 'ID')) {
    if (value.includes('\u0000')) {
      problems.push(problem(path, 'must not contain NUL characters'));
    } else if (LONE_SURROGATE.test(value)) {
      problems.push(problem(path, 'must be well-formed Unicode text (it holds an unpaired surrogate)'));
    } else if (value.trim() === '') {
      // Blank means missing: refused where a value is required, otherwise the same as leaving the field out.
      if (required) problems.push(problem(path, 'must not be blank'));
      return OMIT;
    } else if (inner.name === 'ID' && !UUID.test(value)) {
      problems.push(problem(path, 'must be a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427'));
    }
  }
  return value;
}

/**
 * Checks and normalises the arguments of one field before anything else sees them (the access guard, the
 * validation pipe, the resolver): ids must be UUIDs, text must be well-formed Unicode without NUL, a blank string
 * counts as missing, and an explicit null on an optional input means the same as leaving it out ("omitted or null
 * fields stay as they are"). Every problem is named; the first one leads the message.
 */
export function cleanArguments(
  definitions: readonly GraphQLArgument[],
  args: Record<string, unknown>,
): Record<string, unknown> {
  const problems: Problem[] = [];
  const cleaned: Record<string, unknown> = {};
  for (const definition of definitions) {
    if (!(definition.name in args)) continue;
    const result = cleanValue(definition.type, args[definition.name], definition.name, problems);
    if (result !== OMIT) cleaned[definition.name] = result;
  }
  if (problems.length > 0) {
    const [first] = problems;
    throw RequestException.invalidInput(`Invalid input: ${first.at} ${first.message}.`, first.field, [
      ...new Set(problems.map((each) => each.field)),
    ]);
  }
  return cleaned;
}

/**
 * The schema as served: the strict DateTime scalar, and every field that takes arguments guarded by
 * `cleanArguments`. One central place instead of a check in each resolver: every query, mutation and field
 * argument of every module gets the same hygiene, including modules written later.
 */
export function hardenSchema(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.SCALAR_TYPE]: (type) => (type.name === BoundedDateTime.name ? BoundedDateTime : type),
    [MapperKind.OBJECT_FIELD]: (fieldConfig) => {
      if (!fieldConfig.args || Object.keys(fieldConfig.args).length === 0) return fieldConfig;
      const resolve: GraphQLFieldResolver<unknown, unknown> = fieldConfig.resolve ?? defaultFieldResolver;
      return {
        ...fieldConfig,
        resolve: (source, args, context, info) => {
          const definitions = info.parentType.getFields()[info.fieldName].args;
          return resolve(source, cleanArguments(definitions, args), context, info);
        },
      };
    },
  });
}
