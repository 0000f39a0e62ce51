import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createApelApp } from './create-app';

// `npx cdk synth|deploy`: context from `-c key=value` and cdk.json, checked by cdk-nag.
const app = new App();
createApelApp(app);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
