import { deploymentSecrets, envFile } from '../deploy/deployment-secrets.ts';

/**
 * `npm run -s deploy-secrets > infra/deploy/compose/.env`: a fresh set of the keys, passwords and
 * service tokens the compose file names (the same variables fill the Kubernetes Secrets). With
 * ACCESS_TOKEN_PRIVATE_JWK set, that issuer is kept, so renewing the service tokens every 30 days
 * leaves users' tokens valid; everything else is new, so take only the SERVICE_TOKEN_* lines then.
 */
process.stdout.write(envFile(await deploymentSecrets(process.env.ACCESS_TOKEN_PRIVATE_JWK)));
