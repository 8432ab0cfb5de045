/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: node -r loads it before the service */
// Preloaded by the benchmarks (`node -r tools/bench/cpu-profile.cjs`, BENCH_CPU_PROFILE_DIR=<dir>) into a service
// they start: samples its CPU and writes the profile (Chrome DevTools' .cpuprofile) when the service is told to stop.
// SIGURG starts it afresh: the benchmark sends it just before the load, so start-up and set-up are left out (not
// SIGUSR2, on which Nest stops). `node --cpu-prof` would write only on a normal exit, and a Nest service ends by
// raising the signal again.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  const write = () => {
    // An in-process session answers synchronously: the file is written before the service goes on to stop.
    session.post('Profiler.stop', (error, result) => {
      if (error) return console.error(`cpu-profile: ${error.message}`);
      const file = join(dir, `CPU.${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
      console.error(`cpu-profile: written to ${file}`);
    });
  };
  process.on('SIGURG', () => {
    session.post('Profiler.stop');
    session.post('Profiler.start');
  });
  process.prependOnceListener('SIGTERM', write);
  process.prependOnceListener('SIGINT', write);
}
