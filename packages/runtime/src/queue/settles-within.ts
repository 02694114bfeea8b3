/**
 * Resolves true once `promise` settles, or false after `ms` if it has not; the timer is cleared
 * either way so a finished shutdown does not keep the process alive.
 *
 * @example
 * if (!(await settlesWithin(closing, graceMs))) abortTheRest();
 */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}
