// Before each test file (vitest `setupFiles`): a worker goes on from file to file in one process (vitest.config.ts), so
// the worlds the previous file played are let go here, keeping the memory (and the garbage collector's work) of one
// file's worlds; worlds just set up stay, for any file with the same settings and roster (tests/worlds.ts).
import { forgetPlayed } from "./worlds";

forgetPlayed();
