import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isCompositeType,
  isListType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  visit,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

export interface RequestLimits {
  maxAliases: number;
  maxCost: number;
}

/** Items assumed for a list that takes no page size (histories, memberships, policies): most hold a handful. */
export const ASSUMED_LIST_SIZE = 10;

/** A request refused before execution because it exceeds a limit; the message names the limit and its setting. */
function limitError(reason: string, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, limit, actual } });
}

function rootFieldCount(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, fragments, seen);
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      count += rootFieldCount(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

/**
 * Checks a parsed document before it is validated or executed: at most `maxAliases` aliases (each repeats a
 * field's work under another name: 1,000 aliases of one list once made a 14 MB answer), and exactly one field in a
 * mutation (one mutation per request, so each is audited, throttled and retried on its own; 100 aliased `login`s in
 * one request once ran 100 password checks). Linear in the document's size; the parser's token limit bounds that.
 */
export function checkDocumentLimits(document: DocumentNode, limits: RequestLimits): void {
  let aliases = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
  });
  if (aliases > limits.maxAliases) {
    throw limitError(
      'TOO_MANY_ALIASES',
      `The request uses ${aliases} aliases; at most ${limits.maxAliases} are allowed (GRAPHQL_MAX_ALIASES).`,
      limits.maxAliases,
      aliases,
    );
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const mutations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation',
  );
  for (const mutation of mutations) {
    const fields = rootFieldCount(mutation.selectionSet, fragments);
    if (fields > 1) {
      throw limitError(
        'ONE_MUTATION_PER_REQUEST',
        `A mutation request may carry one mutation field; this one carries ${fields}. Send them as separate requests.`,
        1,
        fields,
      );
    }
  }
}

/**
 * Cost of a field: 1, plus its selection; a paginated field (one taking `first`) multiplies its selection by the
 * page size asked for, any other list of objects by ASSUMED_LIST_SIZE. A connection's `edges` list is already
 * counted by its field's `first`.
 */
export const listWeightedEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (typeof args.first === 'number') return 1 + args.first * childComplexity;
  const nullable = getNullableType(field.type);
  const pagedEdges = field.name === 'edges' && type.name.endsWith('Connection');
  if (isListType(nullable) && isCompositeType(getNamedType(field.type)) && !pagedEdges) {
    return 1 + ASSUMED_LIST_SIZE * childComplexity;
  }
  return 1 + childComplexity;
};

/** The estimated cost of the operation a request runs (variables decide the page sizes). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [listWeightedEstimator],
  });
}

/**
 * Costs of documents that define no variables, by operation: Mercurius hands each repeat of a query the same parsed
 * document, so the hot path (the same query again and again) is estimated once.
 */
const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  const usesVariables = document.definitions.some(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (definition.variableDefinitions?.length ?? 0) > 0,
  );
  if (usesVariables) return operationCost(schema, document, variables, operationName);
  let costs = fixedCosts.get(document);
  if (!costs) fixedCosts.set(document, (costs = new Map()));
  const key = operationName ?? '';
  let cost = costs.get(key);
  if (cost === undefined) costs.set(key, (cost = operationCost(schema, document, undefined, operationName)));
  return cost;
}

/** Refuses an operation whose estimated cost exceeds the limit, before any resolver runs. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: RequestLimits,
): void {
  const cost = costOf(schema, document, variables, operationName);
  if (cost > limits.maxCost) {
    throw limitError(
      'TOO_COSTLY',
      `The request would cost ${cost} (each item of a list counts); at most ${limits.maxCost} is allowed ` +
        '(GRAPHQL_MAX_COST). Ask for smaller pages or fewer fields.',
      limits.maxCost,
      cost,
    );
  }
}
