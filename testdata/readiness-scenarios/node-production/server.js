'use strict';
const http = require('http');
const ms = require('ms');

const started = Date.now();
const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, {'content-type': 'text/plain'});
    res.end('ok\n');
    return;
  }
  res.writeHead(200, {'content-type': 'text/plain'});
  res.end(`hello, up for ${ms(Date.now() - started)}\n`);
});
server.listen(3000);
