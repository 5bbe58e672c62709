// The S3-compatible server of the web tests (s3rver, installed by scripts/test outside the repository): starts on a free
// loopback port with its objects under the folder given, then prints "listening http://127.0.0.1:PORT" and serves until
// killed. Its keys are s3rver's own (S3RVER / S3RVER), and it checks request signatures as S3 does.
'use strict';
const S3rver = require('@20minutes/s3rver');

const directory = process.argv[2];
if (!directory) {
  console.error('usage: node scripts/s3-test-server.js FOLDER');
  process.exit(2);
}

new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
  .run()
  .then(({ address, port }) => console.log(`listening http://${address}:${port}`))
  .catch((error) => {
    console.error(`s3rver did not start: ${error.message}`);
    process.exit(1);
  });
