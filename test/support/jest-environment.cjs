// Jest's Node environment, telling the tests' afterEach hooks whether the test body failed (the browser harness
// then screenshots every open page).
const { TestEnvironment } = require('jest-environment-node');

class EcampusEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.testFailed = false;
    if (event.name === 'test_fn_failure') this.global.testFailed = true;
  }
}

module.exports = EcampusEnvironment;
