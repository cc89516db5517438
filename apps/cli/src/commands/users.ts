import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createUser, listUsers, setPassword, updateUser } from '@claimdesk/api';
import { createUserRequestSchema, displayNameSchema, newPasswordSchema, roleSchema } from '@claimdesk/contracts';
import { CliError } from '../cli-error.ts';
import { usersUsage } from '../usage.ts';
import { parseInput, printTable, withDatabase } from './admin-db.ts';

const SUBCOMMANDS = ['create', 'list', 'set-role', 'set-name', 'set-password', 'disable', 'enable'] as const;

export async function runUsers(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    console.log(usersUsage);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'create':
      return createCommand(rest);
    case 'list':
      return listCommand(rest);
    case 'set-role':
      return setRoleCommand(rest);
    case 'set-name':
      return setNameCommand(rest);
    case 'set-password':
      return setPasswordCommand(rest);
    case 'disable':
    case 'enable':
      return setDisabledCommand(rest, sub === 'disable');
    default:
      throw new CliError(
        `users: unknown subcommand "${sub}" (expected one of ${SUBCOMMANDS.join(', ')})\n${usersUsage}`,
      );
  }
}

async function createCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  const email = values.email ?? positionals[0];
  if (!email) throw new CliError(`users create: --email is required\n${usersUsage}`);
  if (!values.role) throw new CliError('users create: --role is required (admin, editor or viewer)');
  if (!roleSchema.safeParse(values.role).success)
    throw new CliError(`users create: --role must be admin, editor or viewer, not "${values.role}"`);
  if (values.password !== undefined && values['password-stdin'])
    throw new CliError('users create: give --password or --password-stdin, not both');
  const given = values['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : values.password;
  const generated = given === undefined ? randomBytes(18).toString('base64url') : null;
  const input = parseInput(
    createUserRequestSchema,
    { email, role: values.role, name: values.name ?? '', password: given ?? generated },
    'users create',
  );
  const user = await withDatabase((db) => createUser(db, input));
  console.log(`created ${user.role} ${user.email} "${user.name}" (id ${user.id})`);
  if (generated) console.log(`password: ${generated}\nThis password is shown once: pass it on safely.`);
  return 0;
}

async function listCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const users = await withDatabase((db) => listUsers(db));
  if (values.json) {
    console.log(JSON.stringify(users, null, 2));
    return 0;
  }
  printTable(
    ['EMAIL', 'NAME', 'ROLE', 'STATUS', 'CREATED', 'ID'],
    users.map((u) => [u.email, u.name, u.role, u.isDisabled ? 'disabled' : 'active', u.createdAt.slice(0, 10), u.id]),
  );
  return 0;
}

async function setRoleCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [who, role] = positionals;
  if (!who || !role || positionals.length > 2)
    throw new CliError(`users set-role: expected EMAIL|ID ROLE\n${usersUsage}`);
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) throw new CliError(`users set-role: role must be admin, editor or viewer, not "${role}"`);
  const user = await withDatabase((db) => updateUser(db, who, { role: parsed.data }));
  console.log(`${user.email} is now ${user.role}`);
  return 0;
}

async function setNameCommand(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [who, ...words] = positionals;
  if (!who || words.length === 0) throw new CliError(`users set-name: expected EMAIL|ID NAME\n${usersUsage}`);
  const parsed = displayNameSchema.safeParse(words.join(' '));
  if (!parsed.success) throw new CliError(`users set-name: ${parsed.error.issues[0]?.message ?? 'invalid name'}`);
  const user = await withDatabase((db) => updateUser(db, who, { name: parsed.data }));
  console.log(`${user.email} is now shown as "${user.name}"`);
  return 0;
}

async function setDisabledCommand(argv: string[], isDisabled: boolean): Promise<number> {
  const verb = isDisabled ? 'disable' : 'enable';
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const [who] = positionals;
  if (!who || positionals.length > 1) throw new CliError(`users ${verb}: expected EMAIL|ID\n${usersUsage}`);
  const user = await withDatabase((db) => updateUser(db, who, { isDisabled }));
  console.log(`${user.email} is ${isDisabled ? 'disabled (signed out everywhere)' : 'enabled'}`);
  return 0;
}

/**
 * Sets a password from stdin, or makes a one-time one (printed once) that must be changed at the
 * next sign-in. Either way every session of the account ends.
 */
async function setPasswordCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'password-stdin': { type: 'boolean' } },
    allowPositionals: true,
  });
  const [who] = positionals;
  if (!who || positionals.length > 1) throw new CliError(`users set-password: expected EMAIL|ID\n${usersUsage}`);
  let given: string | null = null;
  if (values['password-stdin']) {
    const parsed = newPasswordSchema.safeParse(readFileSync(0, 'utf8').replace(/\r?\n$/, ''));
    if (!parsed.success)
      throw new CliError(`users set-password: ${parsed.error.issues[0]?.message ?? 'invalid password'}`);
    given = parsed.data;
  }
  const { user, password } = await withDatabase((db) => setPassword(db, who, given));
  console.log(`${user.email} has a new password (signed out everywhere)`);
  if (password) {
    console.log(`password: ${password}\nThis one-time password is shown once; it must be changed at the next sign-in.`);
  }
  return 0;
}
