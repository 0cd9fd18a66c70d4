import { ValidationError, ValidationPipe } from '@nestjs/common';

import { RequestException } from '@app/kernel/domain.exception';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.values(error.constraints ?? {});
    if (constraints.length > 0) return { field, message: constraints[0] };
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** Validates every input at the edge; the error names the offending field (e.g. `email`). */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors);
      if (!problem) return RequestException.invalidInput('The input is not valid.');
      const message = problem.message.startsWith(problem.field.split('.').pop() ?? '')
        ? problem.message
        : `${problem.field} ${problem.message}`;
      return RequestException.invalidInput(`Invalid input: ${message}.`, problem.field);
    },
  });
}
