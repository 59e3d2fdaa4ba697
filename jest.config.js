/** Tests are compiled by `npm run build` (tsc, strict) and jest runs the JavaScript. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/dist/test"],
  testMatch: ["**/*.test.js"],
  testTimeout: 30000,
};
