/**
 * V8's heap settings for the main process, applied first thing by the Electron entry and by bench/app-poll's
 * measured process alike (so the bench's figure is what the user gets).
 *
 * Why: the app keeps ~29 MB (5,000 guests) and is idle between polls. For such a process V8 picks a growth
 * factor for its old generation that ranges from 1.1 to 4 as its own heuristics go, and it swung between the
 * two: near 1.1 nearly every poll ended in a full mark-compact (up to half of a poll's CPU, most of it on GC
 * helper threads); near 4 the heap held many polls of dead buffers and the process grew past 190 MB. A fixed
 * factor of 1.5 sits between: at 5,000 guests, side by side on this machine, CPU per poll ~26–29 ms and RSS
 * ~196 MB with V8's own choice, ~21–26 ms and ~170–176 MB with 1.5–1.75; factor 2 saved little more CPU
 * for ~190 MB, factor 3 ~24 ms for ~215–230 MB.
 *
 * Applied at run time: Electron reads `--js-flags` for its main process before the main script runs
 * (`app.commandLine.appendSwitch('js-flags', …)` reaches only renderers), and V8 reads this flag each time it
 * computes a limit, so setting it first thing takes effect for the whole life of the process.
 */
import { setFlagsFromString } from 'node:v8'

export const MAIN_PROCESS_V8_FLAGS = '--heap-growing-percent=50'

export function tuneMainProcessHeap(): void {
  setFlagsFromString(MAIN_PROCESS_V8_FLAGS)
}
