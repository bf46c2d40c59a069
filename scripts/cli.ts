// `npm run --silent cli -- segment [--lang fr|en] < article.txt`: prints the units of the text
// read on stdin as JSON, exactly as the app stores them.
// `npm run --silent cli -- openapi`: prints the OpenAPI document of /api/v1.
// Relative imports so tsx needs no alias.
import { buildOpenApiDocument } from '../lib/api/openapi';
import { segment } from '../lib/text/segment';

const USAGE = `Usage: npm run --silent cli -- segment [--lang <bcp47>] < article.txt
       npm run --silent cli -- openapi

Commands:
  segment        split the text read on stdin into units; prints a JSON array of
                 {"index","start","end","kind","text"} (offsets in UTF-16 code units)
  openapi        print the OpenAPI 3.1 document of the HTTP API (/api/v1)

Options:
  --lang <tag>   language of the text, a BCP 47 tag such as fr or en (default: fr)
  -h, --help     show this help
`;

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

class UsageError extends Error {}

function parseArguments(args: string[]): { language: string } {
  const [command, ...rest] = args;
  if (command !== 'segment') {
    throw new UsageError(command ? `Unknown command: ${command}` : 'Missing command.');
  }
  let language = 'fr';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    let value: string | undefined;
    if (arg === '--lang') value = rest[++i];
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else throw new UsageError(`Unknown option: ${arg}`);
    if (value === undefined || !LANGUAGE_TAG.test(value)) {
      throw new UsageError(`--lang expects a BCP 47 tag such as fr or en, got: ${value ?? '∅'}`);
    }
    language = value;
  }
  return { language };
}

async function readStdin(): Promise<string> {
  process.stdin.setEncoding('utf8');
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

async function main(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args[0] === 'openapi' && args.length === 1) {
    process.stdout.write(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
    return 0;
  }
  let language: string;
  try {
    ({ language } = parseArguments(args));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const units = segment(await readStdin(), { language }).map(
    // Rebuilt so the key order of the output is fixed, whatever the unit objects carry.
    ({ index, start, end, kind, text }) => ({ index, start, end, kind, text }),
  );
  process.stdout.write(`${JSON.stringify(units, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
