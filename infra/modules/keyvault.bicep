// Key Vault in RBAC mode with soft delete and purge protection.
// - the Function app identity reads secrets (signing key): Key Vault Secrets User;
// - the deploying principal (azd's AZURE_PRINCIPAL_ID) creates the signing key in the post-provision
//   hook (`npm run keys:rotate -- --if-missing`): Key Vault Secrets Officer.
// No secret value is declared here; the signing key is created by the hook, the Functions key
// secret by function-key-secret.bicep from the platform's own key (listKeys), never from a literal.

import { builtInRoles } from 'builtin-roles.bicep'

@description('Azure region of the vault.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Object (principal) id of the Function app identity.')
param functionIdentityPrincipalId string

@description('Object id of the principal running the deployment (azd sets AZURE_PRINCIPAL_ID); empty to skip its role.')
param deployerPrincipalId string = ''

@description('Type of the deploying principal: User for an interactive azd, ServicePrincipal in CI.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Days a deleted vault or secret is kept (soft delete).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource functionSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functionIdentityPrincipalId, builtInRoles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
    principalId: functionIdentityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, builtInRoles.keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

@description('Name of the vault.')
output keyVaultName string = vault.name

@description('URL of the vault without a trailing slash (KEY_VAULT_URL).')
output keyVaultUrl string = 'https://${vault.name}${environment().suffixes.keyvaultDns}'
