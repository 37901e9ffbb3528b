#!/usr/bin/env node
// `huaweicloud-evs-ims-mock`: the package's mock command. Serves both bundles
// this package ships with Prism on 127.0.0.1, EVS on $EVS_MOCK_PORT (default
// 4010) and IMS on $IMS_MOCK_PORT (default 4011; 0 lets the OS choose), with
// --errors and the request log, in the foreground until Ctrl-C or SIGTERM.
// `npm run mock` in the repository is this command after a staleness check.
import { runMockCommand } from "./command.mjs";

await runMockCommand({ name: "huaweicloud-evs-ims-mock" });
