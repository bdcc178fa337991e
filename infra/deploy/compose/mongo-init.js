// Run once by the mongo-init service: makes the single node a replica set (the services use
// transactions and change streams) and creates the graph's own user with readWrite on each
// service's database and the gateway's rate-limit counters. Running it again changes nothing.
const status = db.adminCommand({ replSetGetStatus: 1 });
if (!status.ok) rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
while (!db.hello().isWritablePrimary) sleep(500);

const databases = ['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications', 'gateway'].map((name) => `civic_${name}`);
const roles = databases.map((database) => ({ role: 'readWrite', db: database }));
const admin = db.getSiblingDB('admin');
if (admin.getUser(process.env.MONGO_CIVIC_USER)) admin.updateUser(process.env.MONGO_CIVIC_USER, { pwd: process.env.MONGO_CIVIC_PASSWORD, roles });
else admin.createUser({ user: process.env.MONGO_CIVIC_USER, pwd: process.env.MONGO_CIVIC_PASSWORD, roles });
print('replica set rs0 and user ready');
