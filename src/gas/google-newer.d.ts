// Methods Google's reference documents that @types/google-apps-script 2.0.13 does not declare yet. Each is optional:
// an account or a form that lacks it is told apart by feature detection, and the self-check reports the outcome.
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      /**
       * Publishes or unpublishes the form; forms created by script after 31 March 2026 start unpublished.
       * https://developers.google.com/apps-script/reference/forms/form#setPublished(Boolean)
       * https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms
       */
      setPublished?(enabled: boolean): Form;
      /** https://developers.google.com/apps-script/reference/forms/form#isPublished() */
      isPublished?(): boolean;
      /** https://developers.google.com/apps-script/reference/forms/form#supportsAdvancedResponderPermissions() */
      supportsAdvancedResponderPermissions?(): boolean;
      /**
       * Whether and how respondents' addresses are collected: VERIFIED is the signed-in address, RESPONDER_INPUT a typed one.
       * https://developers.google.com/apps-script/reference/forms/form#setEmailCollectionType(EmailCollectionType)
       * https://developers.google.com/workspace/forms/api/reference/rest/v1/forms#EmailCollectionType
       */
      setEmailCollectionType?(type: EmailCollectionType): Form;
      /** https://developers.google.com/apps-script/reference/forms/form#getEmailCollectionType() */
      getEmailCollectionType?(): EmailCollectionType;
    }
    /** https://developers.google.com/apps-script/reference/forms/email-collection-type */
    enum EmailCollectionType {
      DO_NOT_COLLECT,
      VERIFIED,
      RESPONDER_INPUT,
    }
    interface FormApp {
      EmailCollectionType?: typeof EmailCollectionType;
    }
  }
}
