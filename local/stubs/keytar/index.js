'use strict';
// Offline stand-in for keytar: no OS keychain here. Any real use fails loudly instead of silently.
const unavailable = () => Promise.reject(new Error('keytar is stubbed in Planning Readiness: no OS keychain offline'));
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findPassword: unavailable,
  findCredentials: unavailable,
};
