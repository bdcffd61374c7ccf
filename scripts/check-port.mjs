// `npm start` runs this first: a port already in use is said in one line, before anything is built.
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number: use e.g. PORT=9000 npm start`);
  process.exit(1);
}
const probe = createServer();
probe.once('error', (e) => {
  console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use (another npm start?): stop it, or start on another port with PORT=9000 npm start` : `Cannot listen on ${host}:${port}: ${e.message}`);
  process.exit(1);
});
probe.listen(port, host, () => probe.close());
