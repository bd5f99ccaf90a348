import { MongoServerError } from "mongodb";
import { expect } from "vitest";

/**
 * Awaits a promise that must fail with a server error carrying `code`, and returns the error so
 * the caller can check the fields mongod puts on it (keyPattern, keyValue, errInfo, ...).
 */
export async function expectServerError(promise: Promise<unknown>, code: number): Promise<MongoServerError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a MongoServerError with code ${code}`).toBeInstanceOf(MongoServerError);
  const error = caught as MongoServerError;
  expect(error.code, `error was: ${error.message}`).toBe(code);
  return error;
}
