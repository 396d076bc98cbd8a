'use server';

/**
 * The desk's server actions. Each is a public endpoint and a one-line
 * delegation to a guarded operation (lib/operations): authentication,
 * authorisation, validation, audit and revalidation all happen there.
 */
import * as operations from '../operations';

export async function editArticleAction(input: unknown) {
  return operations.editArticle(input);
}

export async function bulkEditAction(input: unknown) {
  return operations.bulkEdit(input);
}

export async function undoAction(input: unknown) {
  return operations.undo(input);
}

export async function createApiTokenAction(input: unknown) {
  return operations.createOwnApiToken(input);
}

export async function revokeApiTokenAction(input: unknown) {
  return operations.revokeOwnApiToken(input);
}

export async function addUserAction(input: unknown) {
  return operations.addUser(input);
}

export async function changeUserAction(input: unknown) {
  return operations.changeUser(input);
}

export async function setDigestNoteAction(input: unknown) {
  return operations.setDigestNote(input);
}

export async function pickForDigestAction(input: unknown) {
  return operations.pickForDigest(input);
}

export async function republishDigestAction(input: unknown) {
  return operations.republishDigest(input);
}

export async function mergeStoriesAction(input: unknown) {
  return operations.mergeStories(input);
}

export async function splitStoryAction(input: unknown) {
  return operations.splitStory(input);
}

export async function chooseLeadAction(input: unknown) {
  return operations.chooseLead(input);
}

export async function skipQueuedAction(input: unknown) {
  return operations.skipQueued(input);
}

export async function markVisitAction(input: unknown) {
  return operations.markVisit(input);
}

export async function beatPresenceAction(input: unknown) {
  return operations.beatPresence(input);
}

export async function leaveArticleAction(input: unknown) {
  return operations.leaveArticle(input);
}

export async function saveViewAction(input: unknown) {
  return operations.saveMyView(input);
}

export async function deleteViewAction(input: unknown) {
  return operations.deleteMyView(input);
}

export async function changePasswordAction(input: unknown) {
  return operations.changePassword(input);
}

export async function signOutEverywhereAction(input: unknown) {
  return operations.signOutEverywhere(input);
}

export async function signUserOutEverywhereAction(input: unknown) {
  return operations.signUserOutEverywhere(input);
}

export async function resetPasswordAction(input: unknown) {
  return operations.resetPassword(input);
}

export async function revokeAnyonesApiTokenAction(input: unknown) {
  return operations.revokeAnyonesApiToken(input);
}

export async function disconnectGitHubAction(input: unknown) {
  return operations.disconnectGitHub(input);
}
