import { readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (1–19, as `nice` does), so that processes beside it on the host get
 * the CPU first when there is not enough for all. Linux first shares the CPU between session groups ("autogroup"),
 * then between the processes of a group: a process that leads a session of its own (a service, or one started with
 * `setsid`) is lowered in its group too, or its nice value would count only against itself. A process sharing a
 * terminal's session leaves that group alone (lowering it would lower everything started from the terminal).
 * Returns what was lowered, for the startup log.
 */
export function lowerCpuPriority(nice: number): string[] {
  if (nice <= 0) return [];
  setPriority(0, nice);
  const lowered = [`process nice ${nice}`];
  if (process.platform !== 'linux' || !leadsOwnSession()) return lowered;
  try {
    writeFileSync('/proc/self/autogroup', String(nice));
    lowered.push(`session group nice ${nice}`);
  } catch {
    // A kernel without autogroups, or one that does not let this user change it: the process nice stands alone.
  }
  return lowered;
}

/** Whether this process leads its session (field 6 of /proc/self/stat, after the command name in parentheses). */
function leadsOwnSession(): boolean {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[3]) === process.pid;
  } catch {
    return false;
  }
}
