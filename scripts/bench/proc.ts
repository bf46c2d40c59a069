// Memory of a process group from /proc (Linux): resident set (VmRSS) and its high-water mark
// (VmHWM) summed over every process of the group — `next start` and whatever it spawns
// (Chromium for the PDF report lives in its own short-lived processes, counted while alive).
import { readFileSync, readdirSync } from 'node:fs';

export interface GroupMemory {
  rssMb: number;
  peakMb: number;
  processes: number;
}

function field(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

export function groupMemory(pgid: number): GroupMemory | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const memory: GroupMemory = { rssMb: 0, peakMb: 0, processes: 0 };
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) !== pgid) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      memory.rssMb += field(status, 'VmRSS');
      memory.peakMb += field(status, 'VmHWM');
      memory.processes += 1;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return memory.processes > 0 ? memory : null;
}
