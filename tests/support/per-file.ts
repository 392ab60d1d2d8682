// Before each test file, in a worker that ran other files before it: the worlds they kept are let go.
import { forgetWorlds } from "./worlds";

forgetWorlds();
