// Preloaded into Prism (`node --require exit-with-parent.cjs <prism-cli> ...`,
// stdin a pipe from the process that started it). When that process ends for
// any reason, SIGKILL and crashes included, the OS closes its end of the pipe,
// stdin ends here, and Prism stops as if it had been sent SIGTERM, instead of
// serving on as an orphan that holds its port.
"use strict";
const stop = () => process.kill(process.pid, "SIGTERM");
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
