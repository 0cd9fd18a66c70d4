import { ValidationError, ValidationPipe } from '@nestjs/common';

import { RequestException } from '@app/kernel/domain.exception';

interface Problem {
  field: string;
  message: string;
}

function problems(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.values(error.constraints ?? {});
    return constraints.length > 0 ? [{ field, message: constraints[0] }] : problems(error.children ?? [], field);
  });
}

/**
 * Validates every input at the edge; the error names the offending field (e.g. `email`), and `fields` lists every
 * field at fault when there are several.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const found = problems(errors);
      if (found.length === 0) return RequestException.invalidInput('The input is not valid.');
      const [problem] = found;
      const message = problem.message.startsWith(problem.field.split('.').pop() ?? '')
        ? problem.message
        : `${problem.field} ${problem.message}`;
      return RequestException.invalidInput(
        `Invalid input: ${message}.`,
        problem.field,
        found.map((each) => each.field),
      );
    },
  });
}
