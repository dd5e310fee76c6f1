//! The cues: phrases (folded: lowercase, no accents, so "reçu" is written "recu"),
//! matched at word starts, and what each weighs for its category, in English,
//! German, French, Spanish, Catalan, Dutch, Italian, Portuguese, the Nordic and Baltic
//! languages, Polish, Czech, Slovak, Hungarian, Romanian, Slovenian, Croatian (with
//! Serbian and Bosnian as written in Latin letters), Greek, Turkish, Afrikaans and Malay. A negative weight counts
//! against the category ("thanks for accepting the offer" is not an offer).

mod assessment;
mod follow_up;
mod interview;
pub(crate) mod offer;
pub(crate) mod other;
mod outreach;
pub(crate) mod received;
mod rejection;

use super::EmailCategory as C;

/// Each category with its phrases and their weights.
pub(crate) const ALL: &[(C, &[(&str, f64)])] = &[
    (C::ApplicationReceived, received::CUES),
    (C::InterviewInvite, interview::CUES),
    (C::Assessment, assessment::CUES),
    (C::Offer, offer::CUES),
    (C::Rejection, rejection::CUES),
    (C::RecruiterOutreach, outreach::CUES),
    (C::FollowUpNeeded, follow_up::CUES),
    (C::Other, other::CUES),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A phrase listed twice in one category would count twice and show twice among a
    /// run's reasons: one entry carries its whole weight.
    #[test]
    fn no_cue_is_listed_twice_in_a_category() {
        for (category, cues) in ALL {
            for (i, (cue, _)) in cues.iter().enumerate() {
                assert!(
                    !cues[i + 1..].iter().any(|(other, _)| other == cue),
                    "\"{cue}\" is listed twice among the cues of {category}"
                );
            }
        }
    }
}
