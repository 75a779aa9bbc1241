/**
 * `max dev` forwards API calls to a locally running backend; the production build is served by the
 * backend itself on the same origin, so no proxy exists there.
 */
const apiPort = process.env.API_PORT || 8080;

export default {
  '/api': {
    target: `http://127.0.0.1:${apiPort}`,
    changeOrigin: true,
  },
};
