/**
 * `shequn` command line. Every command is a thin shell over use cases or the engine;
 * bad usage exits with code 2 and says what was wrong.
 */
import { Command, CommanderError, Option } from 'commander';

const program = new Command();
program
  .name('shequn')
  .description('Shequn (社群): a self-hosted community operating system')
  .version(process.env.npm_package_version ?? '0.1.0')
  .exitOverride()
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web server (port from PORT, default 3000); loads the demo community into a database without any community')
  .option('--no-demo', 'start clean: do not load the demo community (same as SHEQUN_DEMO=0)')
  .action(async (opts: { demo: boolean }) => {
    const { serve } = await import('./serve.js');
    await serve({ demo: opts.demo });
  });

program
  .command('migrate')
  .description('apply pending database migrations (SQLite file or DATABASE_URL)')
  .action(async () => {
    const { migrateCommand } = await import('./serve.js');
    process.exitCode = await migrateCommand();
  });

program
  .command('demo')
  .description('load the demo community (2019 北大MBA备考群) into the database')
  .option('--force', 'load it again even if it is already there')
  .action(async (opts: { force?: boolean }) => {
    const { demoCommand } = await import('./serve.js');
    process.exitCode = await demoCommand({ force: Boolean(opts.force) });
  });

program
  .command('diagnose')
  .description('is this chat group a community? Reads a chat export and writes a health report')
  .argument('<input>', 'export file or folder (Telegram, Discord, WhatsApp, Slack, QQ, WeChat)')
  .addOption(new Option('--format <format>', 'input format (default: detected)'))
  .option('--out <file>', 'write the HTML report here (default: report.html unless --json)')
  .option('--json', 'print the machine-readable result to stdout')
  .addOption(new Option('--lang <lang>', 'report language').choices(['zh-Hans', 'zh-Hant', 'en']))
  .action(async (input: string, opts: { format?: string; out?: string; json?: boolean; lang?: string }) => {
    const { runDiagnose } = await import('./diagnose.js');
    process.exitCode = await runDiagnose(input, opts);
  });

program
  .command('import')
  .description("import a chat export's history into a community's activity log (re-importing adds nothing twice)")
  .argument('<export>', 'export file or folder (Telegram, Discord, WhatsApp, Slack, QQ, WeChat)')
  .requiredOption('--community <slug>', 'the community to import into')
  .addOption(new Option('--format <format>', 'input format (default: detected)'))
  .action(async (input: string, opts: { community: string; format?: string }) => {
    const { loadConfig } = await import('./config.js');
    const { createContext } = await import('./server.js');
    const { runImportCommand } = await import('./import.js');
    const ctx = await createContext(loadConfig());
    try {
      process.exitCode = await runImportCommand(ctx, input, opts, { stdout: process.stdout, stderr: process.stderr });
    } finally {
      await ctx.db.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; any usage error is bad input: exit code 2
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  }
}
