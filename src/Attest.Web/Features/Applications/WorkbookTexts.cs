using Attest.Core.Text;

namespace Attest.Web.Features.Applications;

/// <summary>The texts of the self-assessment workbook page and of the other programs an application's file holds.</summary>
public static class WorkbookTexts
{
    public static readonly LocalizedString Title = new("AWS self-assessment workbook", "Classeur d'auto-évaluation AWS");
    public static readonly LocalizedString Intro = new(
        "AWS hands partners a workbook per checklist. Download your answers in its layout, fill it in Excel, and upload it back here: the answers it holds replace yours, customer references matched to your case studies by their order.",
        "AWS remet aux partenaires un classeur par liste de contrôle. Téléchargez vos réponses dans sa mise en page, complétez-le dans Excel et déposez-le ici : les réponses qu'il contient remplacent les vôtres, les références clients étant associées à vos études de cas dans leur ordre.");
    public static readonly LocalizedString Download = new("Download the workbook (.xlsx)", "Télécharger le classeur (.xlsx)");
    public static readonly LocalizedString Upload = new("Upload a filled workbook", "Déposer un classeur complété");
    public static readonly LocalizedString File = new("Workbook (.xlsx)", "Classeur (.xlsx)");
    public static readonly Phrase Limit = new(
        "An .xlsx file of at most {0} MB. Nothing changes unless the whole workbook can be read.",
        "Un fichier .xlsx de {0} Mo au plus. Rien ne change tant que le classeur entier n'est pas lisible.");
    public static readonly LocalizedString Send = new("Upload", "Déposer");
    public static readonly LocalizedString NoFile = new("Choose a filled workbook (.xlsx) to upload.", "Choisissez un classeur complété (.xlsx) à déposer.");
    public static readonly Phrase TooLarge = new("The file is larger than {0} MB: upload the workbook alone.", "Le fichier dépasse {0} Mo : déposez le classeur seul.");
    public static readonly Phrase Refused = new("{0} was not imported, nothing changed: {1}", "{0} n'a pas été importé, rien n'a changé : {1}");
    public static readonly LocalizedString Imported = new("The workbook's answers are now your self-assessment.", "Les réponses du classeur sont désormais votre auto-évaluation.");
    public static readonly LocalizedString ReadOnly = new(
        "The application is decided: the workbook can be downloaded, not uploaded.",
        "La candidature est décidée : le classeur peut être téléchargé, pas déposé.");
    public static readonly LocalizedString Link = new("AWS workbook (.xlsx)", "Classeur AWS (.xlsx)");
    public static readonly LocalizedString OtherPrograms = new(
        "This application's file also holds answers for other programs; they are kept, exported with the file and judged side by side on your home page:",
        "Le fichier de cette candidature contient aussi des réponses pour d'autres programmes ; elles sont conservées, exportées avec le fichier et évaluées côte à côte sur votre page d'accueil :");
    public static readonly Phrase Answers = new("{0} answer(s)", "{0} réponse(s)");
}
