// For `MIDCYCLE_LATENCY_PROFILE=1 npm run bench:editor`: a CPU profile of the whole extension host
// thread (Midcycle and every other extension in it) from when the file MIDCYCLE_PROFILE_OUT.start
// appears to when MIDCYCLE_PROFILE_OUT.stop does (the bench makes them around the big draft's
// keystrokes), written to MIDCYCLE_PROFILE_OUT. Without MIDCYCLE_PROFILE_OUT it does nothing.
const fs = require('fs');
const inspector = require('inspector');

exports.activate = function activate() {
  const out = process.env.MIDCYCLE_PROFILE_OUT;
  if (!out) return;
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }));
  let started = false;
  const timer = setInterval(() => {
    if (!started && fs.existsSync(`${out}.start`)) {
      started = true;
      session.post('Profiler.start');
    }
    if (!started || !fs.existsSync(`${out}.stop`)) return;
    clearInterval(timer);
    session.post('Profiler.stop', (err, result) => fs.writeFileSync(out, JSON.stringify(err ? { error: String(err) } : result.profile)));
  }, 200);
};

exports.deactivate = function deactivate() {};
