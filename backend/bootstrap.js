// Production entry: `npm start` runs the compiled app in dist/ on one port (PORT, default 8080).
const { Bootstrap } = require('@midwayjs/bootstrap');
Bootstrap.configure({ baseDir: __dirname + '/dist' }).run();
